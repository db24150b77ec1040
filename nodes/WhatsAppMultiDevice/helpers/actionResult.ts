import type { IDataObject } from 'n8n-workflow';

import type { GowaEnvelope } from '../../shared/transport';

/**
 * A clear success object for operations GOWA answers with no or little `results` (logout, reconnect, confirm…):
 * `{success: true, ...flags, ...results, message}`, never an empty item.
 */
export function actionResult(envelope: GowaEnvelope, flags: IDataObject = {}): IDataObject {
	const results = envelope.results;
	const details = results && typeof results === 'object' && !Array.isArray(results) ? (results as IDataObject) : {};
	return { success: true, ...flags, ...details, message: envelope.message ?? '' };
}
