'use strict';

const { realServerRules: rules } = require('../../simulator');

const jsonInput = (body, extra = {}) => ({
	contentType: 'application/json',
	rawBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
	json: typeof body === 'string' ? undefined : body,
	query: {},
	params: {},
	...extra,
});
const outcome = (operationId, input) => {
	const { request, error } = rules.checkRequest(operationId, input);
	return error ? { status: error.status, code: error.code, message: error.message } : { request };
};

describe('realServerRules (Go binding + validations)', () => {
	it('formats ozzo errors with sorted keys', () => {
		expect(rules.ozzoMessage({ phone: 'cannot be blank', message: 'cannot be blank' })).toBe('message: cannot be blank; phone: cannot be blank.');
		expect(rules.ozzoMessage({})).toBeNull();
	});

	it('binds JSON like encoding/json: case-insensitive keys, type errors are 500', () => {
		expect(outcome('sendMessage', jsonInput({ PHONE: '6289', Message: 'x' })).request).toMatchObject({ phone: '6289@s.whatsapp.net', message: 'x' });
		expect(outcome('sendMessage', jsonInput({ phone: '6289', message: 'x', is_forwarded: 'true' }))).toEqual({
			status: 500,
			code: 'INTERNAL_SERVER_ERROR',
			message: 'json: cannot unmarshal string into Go struct field MessageRequest.is_forwarded of type bool',
		});
		expect(outcome('sendPoll', jsonInput({ phone: '6289', question: 'q', options: ['a'], max_answer: 1.5 })).message).toBe(
			'json: cannot unmarshal number 1.5 into Go struct field PollRequest.max_answer of type int',
		);
		expect(outcome('sendMessage', jsonInput('[1]')).message).toBe('json: cannot unmarshal array into Go value of type domain.MessageRequest');
		expect(outcome('sendMessage', jsonInput('')).message).toBe('unexpected end of JSON input');
		expect(outcome('sendMessage', { ...jsonInput({}), contentType: '' }).message).toBe('Unprocessable Entity');
	});

	it('sanitises phones before validating them (SanitizePhone in the handler)', () => {
		expect(outcome('sendMessage', jsonInput({ phone: '+6289', message: 'x' })).request.phone).toBe('+6289@s.whatsapp.net');
		expect(outcome('sendMessage', jsonInput({ phone: '120363402106123456', message: 'x' })).request.phone).toBe('120363402106123456@g.us');
		expect(outcome('sendMessage', jsonInput({ phone: '+0812', message: 'x' })).code).toBe('VALIDATION_ERROR');
	});

	it('keeps handler defaults and path values the body does not set', () => {
		expect(outcome('sendImage', jsonInput({ phone: '6289', image_url: 'https://x.example/a.png' })).request.compress).toBe(true);
		expect(outcome('sendImage', jsonInput({ phone: '6289', image_url: 'https://x.example/a.png', compress: false })).request.compress).toBe(false);
		const pinned = outcome('pinChat', jsonInput({ pinned: true }, { params: { chat_jid: '6289@s.whatsapp.net' } }));
		expect(pinned.request).toEqual({ chat_jid: '6289@s.whatsapp.net', pinned: true });
		expect(outcome('revokeMessage', jsonInput({ phone: '6289', message_id: 'ignored' }, { params: { message_id: 'FROM_PATH' } })).request.message_id).toBe('FROM_PATH');
	});

	it('binds forms: strings converted, empty values ignored, bad values are schema errors', () => {
		const form = (fields, files = {}) => ({ contentType: 'multipart/form-data; boundary=x', form: { fields, files }, query: {}, params: {} });
		const image = { contentType: 'image/png', size: 10, bytes: Buffer.alloc(10) };
		expect(outcome('sendImage', form({ phone: ['6289'], duration: ['86400'], image_url: [''] }, { image })).request).toMatchObject({ duration: 86400, image_url: undefined, image });
		expect(outcome('sendImage', form({ phone: ['6289'], duration: ['1 day'] }, { image })).message).toBe('schema: error converting value for "duration"');
		expect(outcome('sendMessage', form({ phone: ['6289'], message: ['x'], mentions: ['628111', '628222'] })).request.mentions).toEqual(['628111', '628222']);
	});

	it('checks the accepted MIME types of each file part', () => {
		const form = (field, contentType, operationId) =>
			outcome(operationId, { contentType: 'multipart/form-data', form: { fields: { phone: ['6289'] }, files: { [field]: { contentType, size: 3, bytes: Buffer.alloc(3) } } }, query: {}, params: {} });
		for (const type of ['image/jpeg', 'image/jpg', 'image/png']) expect(form('image', type, 'sendImage').request).toBeDefined();
		for (const type of ['image/webp', 'image/gif', 'application/octet-stream', '']) expect(form('image', type, 'sendImage').code).toBe('VALIDATION_ERROR');
		for (const type of ['video/mp4', 'video/x-matroska', 'video/avi', 'video/x-msvideo']) expect(form('video', type, 'sendVideo').request).toBeDefined();
		expect(form('video', 'video/quicktime', 'sendVideo').code).toBe('VALIDATION_ERROR');
		for (const type of rules.MIME.audio) expect(form('audio', type, 'sendAudio').request).toBeDefined();
		expect(form('audio', 'audio/opus', 'sendAudio').code).toBe('VALIDATION_ERROR');
		for (const type of ['image/jpeg', 'image/png', 'image/webp', 'image/gif']) expect(form('sticker', type, 'sendSticker').request).toBeDefined();
		expect(form('file', 'application/octet-stream', 'sendFile').request).toBeDefined(); // documents accept any type
	});

	it('limits file sizes like the server', () => {
		const big = (field, size, operationId, contentType) =>
			outcome(operationId, { contentType: 'multipart/form-data', form: { fields: { phone: ['6289'] }, files: { [field]: { contentType, size, bytes: Buffer.alloc(1) } } }, query: {}, params: {} });
		expect(big('file', 50_000_001, 'sendFile', 'application/pdf').message).toBe(
			'max file upload is 50 MB, please upload in cloud and send via text if your file is higher than 50 MB',
		);
		expect(big('video', 100_000_001, 'sendVideo', 'video/mp4').message).toBe(
			'max video upload is 100 MB, please upload in cloud and send via text if your file is higher than 100 MB',
		);
	});

	it('validates the other resources (group, chat, newsletter, call, user)', () => {
		expect(outcome('createGroup', jsonInput({ title: 'x', participants: ['', '628'] })).message).toBe('participants: (0: cannot be blank.).');
		expect(outcome('setDisappearingTimer', jsonInput({ timer_seconds: -1 }, { params: { chat_jid: 'x' } }))).toEqual({
			status: 400,
			code: 'BAD_REQUEST',
			message: 'Invalid request body',
		});
		expect(outcome('rejectCall', jsonInput({ caller_jid: ' ', call_id: '' })).message).toBe('call_id: cannot be blank; caller_jid: cannot be blank.');
		expect(outcome('userInfo', { query: {}, params: {} }).message).toBe('phone: cannot be blank.');
		expect(outcome('groupInviteLink', { query: { group_id: ['1203'], reset: ['maybe'] }, params: {} }).message).toBe('schema: error converting value for "reset"');
		expect(outcome('appPasskeyResponse', jsonInput({ id: 'a', type: 'public-key' }))).toEqual({ status: 400, code: 'VALIDATION_ERROR', message: 'rawId: cannot be blank' });
		expect(rules.checkRequest('appPasskeyResponse', jsonInput('{')).error.plain).toBe(true);
	});

	it('knows which group participants the server accepts', () => {
		expect(rules.isBareParticipant('6281234567890')).toBe(true);
		expect(rules.isBareParticipant('+6281234567890')).toBe(true);
		for (const bad of ['6281234567890@s.whatsapp.net', '251556368777322@lid', '081234567', '62 812 345']) expect(rules.isBareParticipant(bad)).toBe(false);
	});
});
