'use strict';
const fs = require('node:fs');
const path = require('node:path');

const WORKFLOWS_DIR = path.join(__dirname, '..', 'workflows');

/** Reads a workflow JSON: a bare file name is looked up in e2e/workflows/. */
function readWorkflow(file) {
	const resolved = path.isAbsolute(file) || file.includes(path.sep) ? path.resolve(file) : path.join(WORKFLOWS_DIR, file);
	const workflow = JSON.parse(fs.readFileSync(resolved, 'utf8'));
	if (!workflow.id) throw new Error(`${resolved} has no fixed "id"`);
	return workflow;
}

/**
 * Production webhook paths of a workflow (what follows /webhook/): the built-in Webhook node uses its
 * path as is (isFullPath); other trigger nodes are reached at <webhookId>/<path>.
 */
function webhookPaths(workflow) {
	const paths = [];
	for (const node of workflow.nodes ?? []) {
		if (node.disabled) continue;
		if (node.type === 'n8n-nodes-base.webhook' || node.type === 'n8n-nodes-base.formTrigger') {
			paths.push(String(node.parameters?.path ?? node.webhookId));
		} else if (node.webhookId) {
			const own = node.parameters?.path;
			paths.push(own ? `${node.webhookId}/${String(own).replace(/^\/+/, '')}` : node.webhookId);
		}
	}
	return paths;
}

/** Which of the given workflows listens at a webhook path. */
function workflowForWebhook(workflows, webhookPath) {
	const wanted = webhookPath.replace(/^\/+/, '');
	return workflows.find((workflow) => webhookPaths(workflow).includes(wanted));
}

module.exports = { WORKFLOWS_DIR, readWorkflow, webhookPaths, workflowForWebhook };
