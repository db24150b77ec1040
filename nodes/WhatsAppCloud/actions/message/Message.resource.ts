import type { INodeProperties } from 'n8n-workflow';

import type { CloudOperationMap } from '../operation.types';
import * as handOffReply from './handOffReply.operation';
import * as markRead from './markRead.operation';
import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';

export const operations: CloudOperationMap = { send, sendAndWait, markRead, handOffReply };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		default: 'send',
		options: [
			{ name: 'Hand Reply to Waiting Execution', value: 'handOffReply', action: 'Hand a chat reply to the waiting execution', description: 'Put right after the trigger: resumes the execution of this customer waiting in Send and Wait for Response → Chat Reply, re-prompts other replies, lets other messages flow on' },
			{ name: 'Mark as Read', value: 'markRead', action: 'Mark a message as read', description: 'Blue ticks for an incoming message, optionally with a typing indicator' },
			{ name: 'Send and Wait for Response', value: 'sendAndWait', action: 'Send a message and wait for the response', description: 'Send a question with a link button (approve/decline, free text or a form) and wait until the recipient answers' },
			{ name: 'Send', value: 'send', action: 'Send a message', description: 'Send text, media, location, contacts, a reaction, an interactive message or a template' },
		],
	},
	...send.description,
	...markRead.description,
	...sendAndWait.description,
	...handOffReply.description,
];
