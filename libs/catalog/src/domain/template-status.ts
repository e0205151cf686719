import type { TemplateCategory, TemplateStatus } from '../queries/get-template/get-template.query';

export const TEMPLATE_CATEGORIES: readonly TemplateCategory[] = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];
export const TEMPLATE_STATUSES: readonly TemplateStatus[] = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED'];

/**
 * Meta's template statuses (from the template list and from `message_template_status_update` events)
 * folded onto ours: only APPROVED can be sent, the rest say why not. Returns null for events that do
 * not change whether the template can be sent (FLAGGED only warns of a coming pause or disable).
 */
export function toTemplateStatus(metaStatus: string): TemplateStatus | null {
  switch (metaStatus.toUpperCase()) {
    case 'APPROVED':
    case 'REINSTATED':
      return 'APPROVED';
    case 'PENDING':
    case 'IN_APPEAL':
      return 'PENDING';
    case 'REJECTED':
      return 'REJECTED';
    case 'PAUSED':
    case 'LIMIT_EXCEEDED':
      return 'PAUSED';
    case 'DISABLED':
    case 'PENDING_DELETION':
    case 'DELETED':
    case 'ARCHIVED':
      return 'DISABLED';
    default:
      return null;
  }
}

export function toTemplateCategory(metaCategory: string): TemplateCategory | null {
  const c = metaCategory.toUpperCase();
  return (TEMPLATE_CATEGORIES as readonly string[]).includes(c) ? (c as TemplateCategory) : null;
}
