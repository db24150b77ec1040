'use strict';
/** Binary data that another n8n node produced: here n8n's own "Read/Write Files from Disk". */
const fs = require('node:fs');
const path = require('node:path');

const { png, sha256 } = require('../lib/media');

module.exports = [
	{
		name: 'image read from disk by Read/Write Files is uploaded with its MIME type and bytes',
		workflows: ['image-from-disk.json'],
		async run(t) {
			// n8n may only read below N8N_RESTRICT_FILE_ACCESS_TO, which the harness sets to <user folder>/files.
			const dir = path.join(t.n8n.userFolder, 'files');
			fs.mkdirSync(dir, { recursive: true });
			const bytes = png(40, 30, 7);
			const file = path.join(dir, 'before-after.png');
			fs.writeFileSync(file, bytes);

			const result = await t.webhook('e2e-image-from-disk', { phone: '0812 3456 7890', path: file });
			t.assert.equal(result.response.status, 200, result.response.text);
			t.assert.equal(result.run.status, 'success', JSON.stringify(result.run.error));
			const read = result.run.output('Read File');
			t.assert.equal(read[0].binary.data.mimeType, 'image/png');
			const request = t.onlyRequest(result.requests, 'POST', '/send/image');
			t.assert.equal(t.field(request, 'phone'), '6281234567890@s.whatsapp.net');
			t.assert.equal(t.field(request, 'caption'), 'From disk');
			const upload = request.form.files.image;
			t.assert.equal(upload.contentType, 'image/png');
			t.assert.equal(upload.fileName, 'before-after.png');
			t.assert.equal(upload.size, bytes.length);
			t.assert.equal(upload.sha256, sha256(bytes));
		},
	},
];
