import express from 'express';
import { completeLogin } from '../services/sso';

export const saml = express.Router();

saml.post('/saml/acs', express.urlencoded({ extended: false }), async (req, res) => {
  const { next } = await completeLogin(req.body.SAMLResponse, req.body.RelayState);
  res.redirect(next); // expect: open-redirect
});
