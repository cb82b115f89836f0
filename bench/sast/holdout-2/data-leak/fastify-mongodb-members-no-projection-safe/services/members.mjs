export async function listMembers(db, orgId) {
  return db.collection('members').find({ orgId }, { projection: { _id: 0, name: 1, title: 1, avatarUrl: 1 } }).sort({ name: 1 }).limit(200).toArray();
}
