import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizePhoneNumber, RecipientError } from '../../shared/phone';
import { gowaDownload, getConnection } from '../../shared/transport';
import { binaryOutput } from './binary';
import { asNodeError } from './nodeError';

/**
 * Output of a QR login (`/app/login`, `/devices/{id}/login`): GOWA's `{device_id, qr_link, qr_duration}` plus the
 * QR code itself as a PNG binary, downloaded from `qr_link` (re-rooted onto the credential's Base URL when GOWA
 * built the link from another host name). `property` = the output binary field, read before the login request.
 */
export async function qrLoginOutput(
	this: IExecuteFunctions,
	itemIndex: number,
	results: IDataObject,
	property: string,
): Promise<INodeExecutionData[]> {
	const qrLink = typeof results.qr_link === 'string' ? results.qr_link : '';
	if (qrLink === '') {
		throw new NodeOperationError(this.getNode(), 'GOWA started the login but returned no QR code link', {
			itemIndex,
			description: 'Run the operation again; if it persists, check the GOWA server logs.',
		});
	}
	const json: IDataObject = {
		device_id: results.device_id ?? null,
		qr_link: qrLink,
		qr_duration: results.qr_duration ?? null,
	};
	const file = await gowaDownload.call(this, qrLink, itemIndex);
	const fileName = file.fileName && /\.png$/i.test(file.fileName) ? file.fileName : 'whatsapp-login-qr.png';
	return [await binaryOutput.call(this, json, { ...file, mimeType: 'image/png', fileName }, property, fileName)];
}

/**
 * The phone number a pairing code is requested for: international digits (GOWA accepts `^\+?[0-9]{1,15}$`),
 * normalised like every other number of the node (spaces, dashes, `+`, local 0… with the Default Country Code).
 */
export async function getPairingPhone(this: IExecuteFunctions, itemIndex: number, parameterName = 'phone'): Promise<string> {
	const value = this.getNodeParameter(parameterName, itemIndex, '') as unknown;
	const { defaultCountryCode } = await getConnection.call(this, itemIndex);
	try {
		return normalizePhoneNumber(value, defaultCountryCode);
	} catch (error) {
		if (error instanceof RecipientError) {
			throw new NodeOperationError(this.getNode(), `Phone Number: ${error.message}`, {
				itemIndex,
				description: 'Enter the number of the WhatsApp account to link, with its country code, e.g. +62 812-3456-7890.',
			});
		}
		throw asNodeError(this, error, itemIndex);
	}
}
