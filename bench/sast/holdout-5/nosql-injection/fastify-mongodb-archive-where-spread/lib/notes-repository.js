export async function archiveNotes(db, owner, where) {
  const filter = { owner, ...where };
  const result = await db.collection('notes').updateMany(filter, { $set: { archived: true } }); // expect: nosql-injection
  return result.modifiedCount;
}
