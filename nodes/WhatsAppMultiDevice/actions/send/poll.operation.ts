import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { postSend } from '../../helpers/send';
import { getRecipient } from '../../helpers/recipient';
import { commonSendFields, requireText } from '../../helpers/validation';
import { durationOption, recipientField } from '../common.descriptions';
import { sendOptionsCollection } from './schedule.description';

const properties: INodeProperties[] = [
	recipientField,
	{
		displayName: 'Question',
		name: 'question',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Which time suits you best?',
	},
	{
		displayName: 'Answers',
		name: 'pollOptions',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Answer' },
		default: [],
		required: true,
		placeholder: 'e.g. Monday 10:00',
		description: 'At least two different answers',
	},
	{
		displayName: 'Max Answers per Person',
		name: 'maxAnswer',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1 },
		description: 'How many answers one person may tick, from 1 to the number of answers',
	},
	sendOptionsCollection([durationOption]),
];

const displayOptions = { show: { resource: ['send'], operation: ['poll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const recipient = await getRecipient.call(this, itemIndex);
	const question = requireText(this, itemIndex, 'question', 'Question');
	const raw = this.getNodeParameter('pollOptions', itemIndex, []) as unknown;
	const list = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/\n|,/) : [])
		.map((entry) => String(entry ?? '').trim())
		.filter((entry) => entry !== '');
	const unique = new Set(list.map((entry) => entry.toLowerCase()));
	if (list.length < 2) {
		throw new NodeOperationError(this.getNode(), `Answers needs at least two answers, got ${list.length}`, {
			itemIndex,
			description: 'Add two or more answers to the poll.',
		});
	}
	if (unique.size !== list.length) {
		throw new NodeOperationError(this.getNode(), 'Answers contains the same answer twice', {
			itemIndex,
			description: 'WhatsApp polls need different answers; remove the duplicate.',
		});
	}
	const maxAnswer = Number(this.getNodeParameter('maxAnswer', itemIndex, 1));
	if (!Number.isInteger(maxAnswer) || maxAnswer < 1 || maxAnswer > list.length) {
		throw new NodeOperationError(this.getNode(), `Max Answers per Person must be a whole number from 1 to ${list.length}, not ${String(maxAnswer)}`, { itemIndex });
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		phone: recipient.jid,
		question,
		options: list,
		max_answer: maxAnswer,
		...commonSendFields(this, itemIndex, options, { reply: false, forwarded: false }),
	};
	return await postSend.call(this, itemIndex, '/send/poll', body, recipient.jid);
}
