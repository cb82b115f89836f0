async function byEmail(db, email) {
  return db.collection('users').findOne({ userEmail: email }, { projection: { passwordHash: 1 } }); // expect: nosql-injection
}

module.exports = { byEmail };
