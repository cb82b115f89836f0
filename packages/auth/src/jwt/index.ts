export { createJwtIssuer, createJwtVerifier, type JwtIssuer, type JwtVerifier, type JwtKey, type JwtAlgorithm, type JwtOptions } from './jwt.js';
