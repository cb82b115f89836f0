import Asciidoctor from '@asciidoctor/core';

const asciidoctor = Asciidoctor();
export const render = (src) => asciidoctor.convert(src);
