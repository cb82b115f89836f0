import { Injectable } from '@nestjs/common';
import * as libxmljs from 'libxmljs';

const NS = { md: 'urn:oasis:names:tc:SAML:2.0:metadata' };

@Injectable()
export class MetadataService {
  summarise(xml: string) {
    const doc = libxmljs.parseXml(xml, { noent: false, nonet: true, nocdata: true });
    const descriptor = doc.get('//md:EntityDescriptor', NS) as libxmljs.Element | null;
    const sso = doc.get('//md:SingleSignOnService/@Location', NS) as libxmljs.Attribute | null;
    return {
      entityId: descriptor?.attr('entityID')?.value() ?? null,
      ssoUrl: sso?.value() ?? null,
    };
  }
}
