import Handlebars from 'handlebars';

export const signaturePreview = Handlebars.compile('<div class="signature"><p>{{name}}</p><p>{{{signature}}}</p></div>');
