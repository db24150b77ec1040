'use strict';
/**
 * What a GOWA v9.5 server checks on the operations it added (binding and validation like realServerRules.js, which
 * holds the v9.2 operations). Registered into realServerRules' table when the v9.5 routes load; the schedule fields
 * of the send operations are checked by schedules.js.
 */

const rules = require('./realServerRules');
const { validationError } = require('./errors');
const { parseGoInt } = require('./util');

const blank = (value) => value === undefined || value === null || value === '';

const V95_OPERATIONS = {
	markMessagePlayed: {
		bind: 'body',
		struct: 'MarkAsPlayedRequest',
		fields: { message_id: 's', phone: 's' },
		sanitize: ['phone'],
		afterBind: (request, input) => {
			request.message_id = input.params.message_id || '';
		},
		validate: (request) => (blank(request.phone) ? validationError('phone: cannot be blank.') : blank(request.message_id) ? validationError('message_id: cannot be blank.') : null),
	},
	requestChatHistory: {
		bind: 'body',
		struct: 'RequestChatHistoryRequest',
		bindErrorMode: 'badRequest',
		fields: { chat_jid: 's', count: 'i' },
		beforeBind: (request, input) => {
			request.chat_jid = input.params.chat_jid;
		},
		validate: (request) => {
			if (blank(request.chat_jid)) return validationError('chat_jid: cannot be blank.');
			if (request.count < 0 || request.count > 500) return validationError('count: must be between 0 and 500.');
			return null;
		},
	},
	downloadNewsletterMessageMedia: {
		bind: 'query',
		struct: 'DownloadNewsletterMediaRequest',
		fields: { newsletter_id: 's' },
		afterBind: (request, input) => {
			request.server_id = parseGoInt(input.params.server_id || '');
		},
		validate: (request) => {
			if (blank(request.newsletter_id)) return validationError('newsletter_id: cannot be blank.');
			if (request.server_id === undefined || request.server_id < 1) return validationError('server_id: must be a positive integer.');
			return null;
		},
	},
};

Object.assign(rules.OPERATIONS, V95_OPERATIONS);

module.exports = { V95_OPERATIONS };
