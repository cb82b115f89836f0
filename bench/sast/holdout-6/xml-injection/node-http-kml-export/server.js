const http = require('http');

function placemark(name, lat, lng) {
  return '<Placemark><name>' + name + '</name><Point><coordinates>' + lng + ',' + lat + '</coordinates></Point></Placemark>';
}

http.createServer((req, res) => {
  const u = new URL(req.url, 'http://localhost');
  const lat = Number(u.searchParams.get('lat')) || 0;
  const lng = Number(u.searchParams.get('lng')) || 0;
  const name = u.searchParams.get('name') || 'Pin';
  res.writeHead(200, { 'Content-Type': 'application/vnd.google-earth.kml+xml' });
  res.end('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>' + placemark(name, lat, lng) + '</Document></kml>'); // expect: xml-injection
}).listen(8080);
