const ENDPOINT = process.env.CARRIER_SOAP_URL ?? 'https://soap.carrier.example/AddressService';

type Address = { street: string; city: string; zip: string };

export async function validateAddress(a: Address): Promise<boolean> {
  const res = await fetch(ENDPOINT, { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: 'ValidateAddress' }, body: `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ValidateAddress><Street>${a.street}</Street><City>${a.city}</City><Zip>${a.zip}</Zip></ValidateAddress></soap:Body></soap:Envelope>` }); // expect: xml-injection
  return (await res.text()).includes('<Valid>true</Valid>');
}
