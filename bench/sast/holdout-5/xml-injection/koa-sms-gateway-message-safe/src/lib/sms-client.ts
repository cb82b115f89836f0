import axios from 'axios';
import { create } from 'xmlbuilder2';

const GATEWAY = process.env.SMS_GATEWAY_URL ?? 'https://sms.example-gateway.com/api/xml';

export async function sendSms(to: string, text: string): Promise<string> {
  const xml = create({ version: '1.0', encoding: 'UTF-8' }).ele({ request: { account: process.env.SMS_ACCOUNT, message: { to, text } } }).end();
  const res = await axios.post<string>(GATEWAY, xml, { headers: { 'Content-Type': 'application/xml' } });
  return /<id>(\w+)<\/id>/.exec(res.data)?.[1] ?? '';
}
