export async function listMembers(db, orgId) {
  return db.collection('members').find({ orgId }).sort({ name: 1 }).limit(200).toArray();
}
