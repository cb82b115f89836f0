export async function archiveNotes(db, owner, where) {
  const filter = { owner, tag: String(where.tag ?? '') };
  const result = await db.collection('notes').updateMany(filter, { $set: { archived: true } });
  return result.modifiedCount;
}
