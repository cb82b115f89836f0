'use strict';

exports.download = {
  method: 'GET',
  path: '/reports/{id}/download',
  handler: async (request, h) => {
    const csv = await request.server.methods.reportCsv(Number(request.params.id));
    const name = request.query.name || `report-${request.params.id}.csv`;
    return h.response(csv).type('text/csv').header('Content-Disposition', `attachment; filename="${name}"`); // expect: header-injection
  },
};
