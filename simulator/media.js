'use strict';
/** Small but valid media files: QR-like PNGs for login links and sample bytes for downloadable media. */

const zlib = require('node:zlib');
const { prng } = require('./util');

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

function crc32(buffer) {
	let crc = 0xffffffff;
	for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData));
	return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes an 8-bit greyscale image (pixels: Uint8Array of width*height) as PNG. */
function encodeGreyPng(width, height, pixels) {
	const raw = Buffer.alloc((width + 1) * height);
	for (let y = 0; y < height; y++) {
		raw[y * (width + 1)] = 0; // filter: none
		for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = pixels[y * width + x];
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 0; // greyscale
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', zlib.deflateSync(raw)),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

/** A QR-looking PNG (three finder patterns, seeded noise). Not decodable, but a real PNG image. */
function qrPng(seedText = 'gowa') {
	const modules = 29;
	const scale = 4;
	const quiet = 4;
	let seed = 0;
	for (const character of String(seedText)) seed = (seed * 31 + character.charCodeAt(0)) >>> 0;
	const random = prng(seed);
	const grid = [];
	for (let y = 0; y < modules; y++) {
		grid.push([]);
		for (let x = 0; x < modules; x++) grid[y].push(random() < 0.5);
	}
	const finder = (ox, oy) => {
		for (let y = -1; y < 8; y++) {
			for (let x = -1; x < 8; x++) {
				const gx = ox + x;
				const gy = oy + y;
				if (gx < 0 || gy < 0 || gx >= modules || gy >= modules) continue;
				const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
				grid[gy][gx] = ring !== 2 && ring !== 4;
			}
		}
	};
	finder(0, 0);
	finder(modules - 7, 0);
	finder(0, modules - 7);
	const size = (modules + quiet * 2) * scale;
	const pixels = new Uint8Array(size * size).fill(255);
	for (let y = 0; y < modules; y++) {
		for (let x = 0; x < modules; x++) {
			if (!grid[y][x]) continue;
			for (let dy = 0; dy < scale; dy++) {
				for (let dx = 0; dx < scale; dx++) pixels[((y + quiet) * scale + dy) * size + (x + quiet) * scale + dx] = 0;
			}
		}
	}
	return encodeGreyPng(size, size, pixels);
}

/** A small gradient PNG (for image messages and avatars). */
function samplePng(width = 16, height = 16) {
	const pixels = new Uint8Array(width * height);
	for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = (x * 16 + y * 8) & 0xff;
	return encodeGreyPng(width, height, pixels);
}

// Minimal valid files (public-domain style tiny samples).
const SAMPLE_JPEG = Buffer.from(
	'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
	'base64',
);
const SAMPLE_WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
const SAMPLE_OGG = Buffer.concat([
	Buffer.from('OggS', 'ascii'),
	Buffer.from([0x00, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0x47, 0x4f, 0x57, 0x41, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x13]),
	Buffer.from('OpusHead', 'ascii'),
	Buffer.from([0x01, 0x01, 0x38, 0x01, 0x80, 0xbb, 0, 0, 0, 0, 0]),
]);
const SAMPLE_MP4 = Buffer.concat([
	Buffer.from([0, 0, 0, 0x18]),
	Buffer.from('ftypmp42', 'ascii'),
	Buffer.from([0, 0, 0, 0]),
	Buffer.from('mp42isom', 'ascii'),
	Buffer.from([0, 0, 0, 0x08]),
	Buffer.from('free', 'ascii'),
]);
const SAMPLE_PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
	'ascii',
);

const MEDIA_SAMPLES = {
	image: { mimeType: 'image/jpeg', extension: '.jpeg', bytes: SAMPLE_JPEG },
	sticker: { mimeType: 'image/webp', extension: '.webp', bytes: SAMPLE_WEBP },
	audio: { mimeType: 'audio/ogg; codecs=opus', extension: '.ogg', bytes: SAMPLE_OGG },
	ptt: { mimeType: 'audio/ogg; codecs=opus', extension: '.ogg', bytes: SAMPLE_OGG },
	video: { mimeType: 'video/mp4', extension: '.mp4', bytes: SAMPLE_MP4 },
	video_note: { mimeType: 'video/mp4', extension: '.mp4', bytes: SAMPLE_MP4 },
	document: { mimeType: 'application/pdf', extension: '.pdf', bytes: SAMPLE_PDF },
};

const CONTENT_TYPES = {
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.gif': 'image/gif',
	'.ogg': 'audio/ogg',
	'.oga': 'audio/ogg',
	'.mp3': 'audio/mpeg',
	'.m4a': 'audio/mp4',
	'.mp4': 'video/mp4',
	'.pdf': 'application/pdf',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.json': 'application/json',
};

function contentTypeForPath(path) {
	const match = /\.[A-Za-z0-9]+$/.exec(path);
	return (match && CONTENT_TYPES[match[0].toLowerCase()]) || 'application/octet-stream';
}

/** Magic-byte sniffing for the formats the server decodes. */
function sniffImage(bytes) {
	if (!bytes || bytes.length < 4) return undefined;
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
	if (bytes.length >= 12 && bytes.toString('ascii', 0, 4) === 'RIFF' && bytes.toString('ascii', 8, 12) === 'WEBP') return 'webp';
	if (bytes.toString('ascii', 0, 3) === 'GIF') return 'gif';
	return undefined;
}

module.exports = { MEDIA_SAMPLES, contentTypeForPath, crc32, encodeGreyPng, qrPng, samplePng, sniffImage };
