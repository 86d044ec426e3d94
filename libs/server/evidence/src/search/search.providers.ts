import { CitationRenderer } from './citation';
import { EvidenceSearchResolver } from './search.resolver';
import { EvidenceSearchService } from './search.service';
import { EvidenceUsageRegistry } from './usage-registry';

/** Providers of the search part of the evidence domain; EvidenceModule spreads them into its providers. */
export const SEARCH_PROVIDERS = [EvidenceUsageRegistry, EvidenceSearchService, EvidenceSearchResolver, CitationRenderer];
