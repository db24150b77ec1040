/** Small but well-formed media files (right magic bytes) for send tests. */
import { crc32, deflateSync } from 'node:zlib';

import type { TestItem } from '../../../../harness';

function pngChunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typed) >>> 0);
	return Buffer.concat([length, typed, crc]);
}

/** A real 2×2 grey PNG. */
export const PNG = (() => {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(2, 0);
	header.writeUInt32BE(2, 4);
	header.writeUInt8(8, 8); // bit depth
	header.writeUInt8(0, 9); // greyscale
	const rows = Buffer.from([0, 0x80, 0x80, 0, 0x80, 0x80]);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', deflateSync(rows)),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
})();

/** JPEG markers around filler (SOI, APP0 JFIF, EOI). */
export const JPEG = Buffer.concat([
	Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
	Buffer.from('JFIF\0', 'ascii'),
	Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
	Buffer.from('booking-photo', 'ascii'),
	Buffer.from([0xff, 0xd9]),
]);

export const WEBP = Buffer.concat([Buffer.from('RIFF', 'ascii'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8L', 'ascii'), Buffer.alloc(14, 0x10)]);

export const OGG = Buffer.concat([Buffer.from('OggS', 'ascii'), Buffer.alloc(24, 0), Buffer.from('OpusHead', 'ascii'), Buffer.alloc(11, 1)]);

export const MP3 = Buffer.concat([Buffer.from('ID3', 'ascii'), Buffer.from([4, 0, 0, 0, 0, 0, 0]), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(32, 0x55)]);

export const MP4 = Buffer.concat([
	Buffer.from([0, 0, 0, 0x18]),
	Buffer.from('ftypisom', 'ascii'),
	Buffer.from([0, 0, 2, 0]),
	Buffer.from('isomiso2', 'ascii'),
	Buffer.from([0, 0, 0, 8]),
	Buffer.from('free', 'ascii'),
]);

export const PDF = Buffer.from('%PDF-1.4\n% invoice 8841\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'ascii');

export const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

/** An input item with one binary property. */
export function withFile(data: Buffer, mimeType: string | undefined, fileName: string | undefined, json: TestItem['json'] = {}, property = 'data'): TestItem {
	return { json, binary: { [property]: { data, mimeType, fileName } } };
}
