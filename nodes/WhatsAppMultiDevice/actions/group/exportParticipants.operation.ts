import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaRawRequest } from '../../../shared/transport';
import { binaryOutput, outputBinaryProperty } from '../../helpers/binary';
import { deviceOverride } from '../../helpers/device';
import { csvRowCount } from '../../helpers/group';
import { getGroupId } from '../../helpers/recipient';
import { groupIdField, outputBinaryField } from '../common.descriptions';

const properties: INodeProperties[] = [groupIdField, outputBinaryField];

const displayOptions = { show: { resource: ['group'], operation: ['exportParticipants'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function attachmentName(disposition: unknown): string | undefined {
	if (typeof disposition !== 'string') return undefined;
	const match = disposition.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
	return match ? decodeURIComponent(match[1]) : undefined;
}

/** The participant list as a CSV file (participant_jid, phone_number, lid, display_name, role). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const groupId = getGroupId.call(this, itemIndex);
	const propertyName = outputBinaryProperty(this, itemIndex);
	const response = await gowaRawRequest.call(this, {
		method: 'GET',
		path: '/group/participants/export',
		qs: { group_id: groupId },
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
		binary: true,
	});
	const fileName = attachmentName(response.headers['content-disposition']) ?? `group-${groupId.replace('@', '_')}-participants.csv`;
	return [
		await binaryOutput.call(
			this,
			{ groupId, fileName, rows: csvRowCount(response.body.toString('utf8')) },
			{ body: response.body, mimeType: 'text/csv', fileName },
			propertyName,
			fileName,
		),
	];
}
