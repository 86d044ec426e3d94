import { EvidenceItem } from './evidence-item.entity';
import { EvidenceText } from './evidence-text.entity';
import { EvidenceItemCountry } from './evidence-item-country.entity';
import { EvidenceItemFocusArea } from './evidence-item-focus-area.entity';
import { EvidenceFile } from './evidence-file.entity';
import { EvidenceEvent } from './evidence-event.entity';

export type { EvidenceAuthorData } from './evidence-item.entity';
export { EvidenceItem, EvidenceText, EvidenceItemCountry, EvidenceItemFocusArea, EvidenceFile, EvidenceEvent };

export const EVIDENCE_ENTITIES = [EvidenceItem, EvidenceText, EvidenceItemCountry, EvidenceItemFocusArea, EvidenceFile, EvidenceEvent];
