'use strict';
/**
 * Failure switches for what sits between n8n and GOWA rather than GOWA itself: redirects (a proxy, a renamed host),
 * HTML pages answered with any status (a maintenance page, a captive portal, a proxy's 502/504 page) and responses
 * cut after the headers or after part of the body. Used by `failNext` (see README "Programmatic API").
 */
const http = require('node:http');

/** An nginx-style error page (what a reverse proxy answers when GOWA is down or slow). */
function htmlPage(status) {
	const title = `${status} ${http.STATUS_CODES[status] || 'Error'}`;
	return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** True when the rule asks for one of these answers. */
function isRawAnswer(rule) {
	return rule.redirect !== undefined || rule.html !== undefined || rule.cut !== undefined;
}

/**
 * Writes the answer the rule asks for and records it on `rec`:
 * - `redirect: '<url or path>'` → `status` (default 302) with `Location`;
 * - `html: true | '<page>'` → `status` (default 200) with a text/html page (true = an nginx error page);
 * - `cut: 'headers' | 'body'` → `status` (default 200) headers announcing a JSON envelope, then the connection is
 *   destroyed right after the headers, or after half of the body.
 */
function answerRaw(req, res, rec, rule) {
	if (rule.redirect !== undefined) {
		const status = rule.status || 302;
		res.writeHead(status, { Location: String(rule.redirect), 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': '0' });
		res.end();
		rec.response = { status, body: '', headers: { location: String(rule.redirect) } };
		return;
	}
	if (rule.html !== undefined) {
		const status = rule.status || 200;
		const page = Buffer.from(typeof rule.html === 'string' ? rule.html : htmlPage(status), 'utf8');
		res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(page.length) });
		res.end(page);
		rec.response = { status, body: page.toString('utf8'), headers: { 'content-type': 'text/html; charset=utf-8' } };
		return;
	}
	const status = rule.status || 200;
	const body = Buffer.from(JSON.stringify({ code: 'SUCCESS', message: 'Success', results: { message_id: '3EB0CUT0000000000000', status: 'sent' } }), 'utf8');
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length) });
	res.flushHeaders();
	rec.response = { status, cut: rule.cut, body: undefined };
	if (rule.cut === 'body') {
		res.write(body.subarray(0, Math.floor(body.length / 2)), () => setImmediate(() => req.socket.destroy()));
	} else {
		setImmediate(() => req.socket.destroy());
	}
}

module.exports = { answerRaw, htmlPage, isRawAnswer };
