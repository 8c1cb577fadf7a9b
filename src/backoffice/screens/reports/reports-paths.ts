// The Reports section's URLs: /reports (period report), /reports/journal, /reports/journal/<uuid>
// (a receipt), /reports/shifts.
import { sectionUrl } from '../../paths.ts';

export const REPORTS_URL = sectionUrl('reports');
