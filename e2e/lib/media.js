'use strict';
/** Small, well-formed media files for e2e uploads (made here, so each case knows its exact bytes). */
const crypto = require('node:crypto');
const zlib = require('node:zlib');

function chunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(zlib.crc32(body) >>> 0);
	return Buffer.concat([length, body, crc]);
}

/** An RGB PNG of the given size with a diagonal gradient (seeded so two calls can differ). */
function png(width = 24, height = 16, seed = 0) {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // colour type: RGB
	const raw = Buffer.alloc((width * 3 + 1) * height);
	for (let y = 0; y < height; y++) {
		const row = y * (width * 3 + 1);
		for (let x = 0; x < width; x++) {
			raw[row + 1 + x * 3] = (x * 10 + seed) & 0xff;
			raw[row + 2 + x * 3] = (y * 15 + seed * 3) & 0xff;
			raw[row + 3 + x * 3] = ((x + y) * 7) & 0xff;
		}
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', zlib.deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

/** A minimal one-page PDF. */
function pdf(text = 'Invoice 8841') {
	const content = `BT /F1 18 Tf 40 100 Td (${text}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n';
	const offsets = [];
	objects.forEach((object, index) => {
		offsets.push(out.length);
		out += `${index + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

/** Bytes that start like an Ogg stream (GOWA and the simulator only look at the declared type). */
function ogg(length = 512) {
	const bytes = Buffer.alloc(length);
	Buffer.from('OggS\u0000\u0002', 'latin1').copy(bytes);
	Buffer.from('OpusHead', 'latin1').copy(bytes, 28);
	for (let index = 36; index < length; index++) bytes[index] = (index * 31) & 0xff;
	return bytes;
}

function sha256(bytes) {
	return crypto.createHash('sha256').update(bytes).digest('hex');
}

module.exports = { png, pdf, ogg, sha256 };
