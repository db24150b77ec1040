'use strict';
/** /newsletter/* (src/ui/rest/newsletter.go, src/usecase/newsletter.go). Device-scoped. */

const { validateJidWithLogin } = require('./helpers');

module.exports = [
	{
		method: 'POST',
		path: '/newsletter/unfollow',
		operationId: 'unfollowNewsletter',
		scoped: true,
		handler: (ctx) => {
			const request = ctx.check();
			ctx.device.requireClient();
			validateJidWithLogin(ctx, request.newsletter_id);
			ctx.store.newsletters.delete(request.newsletter_id);
			return ctx.ok('Success unfollow newsletter');
		},
	},
	{
		method: 'GET',
		path: '/newsletter/messages',
		operationId: 'getNewsletterMessages',
		scoped: true,
		handler: (ctx) => {
			const request = ctx.check();
			ctx.device.requireClient();
			validateJidWithLogin(ctx, request.newsletter_id);
			const newsletter = ctx.store.newsletters.get(request.newsletter_id);
			let messages = newsletter ? newsletter.messages : [];
			if (request.before) messages = messages.filter((message) => message.server_id < request.before);
			// Latest `count` messages before the cursor, newest first.
			const page = messages.slice(-request.count).reverse();
			return ctx.ok('Success get newsletter messages', { data: page.map((message) => ({ ...message })) });
		},
	},
];
