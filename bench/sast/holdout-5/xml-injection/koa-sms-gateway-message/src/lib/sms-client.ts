import axios from 'axios';

const GATEWAY = process.env.SMS_GATEWAY_URL ?? 'https://sms.example-gateway.com/api/xml';

export async function sendSms(to: string, text: string): Promise<string> {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><request><account>${process.env.SMS_ACCOUNT}</account><message><to>${to}</to><text>${text}</text></message></request>`;
  const res = await axios.post<string>(GATEWAY, xml, { headers: { 'Content-Type': 'application/xml' } }); // expect: xml-injection
  return /<id>(\w+)<\/id>/.exec(res.data)?.[1] ?? '';
}
