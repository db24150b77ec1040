import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Reads the Newsletter ID field: `123…@newsletter`, or the bare number (the suffix is added). */
export function getNewsletterId(context: IExecuteFunctions, itemIndex: number): string {
	const raw = context.getNodeParameter('newsletterId', itemIndex, '') as unknown;
	const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
	const match = text.match(/^(\d+)(@newsletter)?$/i);
	if (!match) {
		throw new NodeOperationError(context.getNode(), `Newsletter ID "${text}" is not a channel ID`, {
			itemIndex,
			description: 'Channel (newsletter) IDs end with @newsletter, e.g. 120363024512399999@newsletter. User → Get My Newsletters lists the channels this account follows.',
		});
	}
	return `${match[1]}@newsletter`;
}
