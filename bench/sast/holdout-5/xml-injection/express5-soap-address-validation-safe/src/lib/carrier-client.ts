import xmlEscape from 'xml-escape';

const ENDPOINT = process.env.CARRIER_SOAP_URL ?? 'https://soap.carrier.example/AddressService';

type Address = { street: string; city: string; zip: string };

export async function validateAddress(a: Address): Promise<boolean> {
  const res = await fetch(ENDPOINT, { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: 'ValidateAddress' }, body: `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ValidateAddress><Street>${xmlEscape(a.street)}</Street><City>${xmlEscape(a.city)}</City><Zip>${xmlEscape(a.zip)}</Zip></ValidateAddress></soap:Body></soap:Envelope>` });
  return (await res.text()).includes('<Valid>true</Valid>');
}
