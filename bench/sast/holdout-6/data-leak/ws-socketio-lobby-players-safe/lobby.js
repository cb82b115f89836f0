const Database = require('better-sqlite3');

const db = new Database('game.db');

exports.lobbyPlayers = (lobbyId) => db.prepare('SELECT id, nickname, rating FROM players WHERE lobby_id = ?').all(lobbyId);
