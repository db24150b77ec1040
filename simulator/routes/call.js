'use strict';
/** /call/reject (src/ui/rest/call.go, src/usecase/call.go). Device-scoped. */

module.exports = [
	{
		method: 'POST',
		path: '/call/reject',
		operationId: 'rejectCall',
		scoped: true,
		handler: (ctx) => {
			ctx.check();
			ctx.device.requireLogin();
			return ctx.ok('Call rejected successfully');
		},
	},
];
