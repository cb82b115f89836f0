import libxmljs from 'libxmljs2';

const NS = { md: 'urn:oasis:names:tc:SAML:2.0:metadata' };

export function readMetadata(xml: string) {
  const doc = libxmljs.parseXml(xml, { noent: true, noblanks: true }); // expect: xxe
  const entity = doc.get('//md:EntityDescriptor', NS);
  const sso = doc.get('//md:SingleSignOnService', NS);
  return { entityId: entity?.attr('entityID')?.value() ?? null, ssoUrl: sso?.attr('Location')?.value() ?? null, orgName: doc.get('//md:OrganizationName', NS)?.text() ?? null };
}
