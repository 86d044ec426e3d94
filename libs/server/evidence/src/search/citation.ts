// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- citation-js ships no types; the ambient ones must travel with this file into every project that compiles it (learning, workshops).
/// <reference path="./citation-js.d.ts" />
import { Worker } from 'node:worker_threads';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import type { EvidenceAuthorData } from '../entities';
import type { EvidenceType } from '../evidence.constants';

export interface CitationSource {
  id: string;
  type: EvidenceType;
  /** Title in the original language: a reference cites the work as published. */
  title: string;
  language: string;
  year: number;
  authors: EvidenceAuthorData[];
  /** The item's publisher, else its organisation's name. */
  publisher: string | null;
  doi: string | null;
  externalUrl: string | null;
}

export interface Citation {
  apa: string;
  bibtex: string;
}

/** CSL item types: reports for grey literature, datasets, articles for research, documents otherwise. */
const CSL_TYPE: Record<EvidenceType, string> = {
  CASE_STUDY: 'report',
  GOOD_PRACTICE: 'report',
  POLICY_DOCUMENT: 'report',
  RESEARCH: 'article',
  DATASET: 'dataset',
  TOOLKIT: 'document',
  VIDEO: 'motion_picture',
  OTHER: 'document',
};

/** Words that mark an institution rather than a person (cited as written, never inverted). */
const INSTITUTION =
  /\b(ministerio|ministério|ministry|ministère|secretar[ií]a|secretaria|secretariat|secrétariat|red|rede|network|réseau|fundaci[oó]n|fundação|foundation|fondation|instituto|institute|institut|universi[a-zé]+|organizaci[oó]n|organização|organization|organisation|alianza|aliança|alliance|consejo|conselho|council|conseil|gobierno|governo|government|gouvernement|unesco|unicef|oei|cepal|eclac|bid|idb|banco|bank|banque|observatorio|observatório|observatory|centro|centre|center|agencia|agência|agency|programa|programme|program)\b/i;

export type CslName = { family: string; given?: string } | { literal: string };

/**
 * A free-text author name as CSL: "Family, Given" when written so, institutions and single words
 * literally; otherwise the first word is the given name and the rest the family names, which keeps
 * the two surnames of Spanish and Portuguese names together ("Rosa Quispe Mamani" -> Quispe Mamani, R.).
 */
export function cslName(raw: string): CslName {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (INSTITUTION.test(name)) return { literal: name };
  const comma = name.indexOf(',');
  if (comma > 0) {
    const family = name.slice(0, comma).trim();
    const given = name.slice(comma + 1).trim();
    return given ? { family, given } : { literal: family };
  }
  const words = name.split(' ');
  if (words.length < 2) return { literal: name };
  return { given: words[0], family: words.slice(1).join(' ') };
}

/** The CSL-JSON of an item; DOI items link https://doi.org, others their external URL. */
export function cslOf(source: CitationSource): Record<string, unknown> {
  const url = source.doi ? `https://doi.org/${source.doi}` : (source.externalUrl ?? undefined);
  return {
    id: `evidence-${source.id}`,
    type: CSL_TYPE[source.type],
    title: source.title,
    language: source.language,
    author: source.authors.map((a) => cslName(a.name)),
    issued: { 'date-parts': [[source.year]] },
    ...(source.publisher ? { publisher: source.publisher } : {}),
    ...(source.doi ? { DOI: source.doi } : {}),
    ...(url ? { URL: url } : {}),
  };
}

/** APA 7 and BibTeX references of an item, formatted in this thread (see CitationRenderer for the API path). */
export function citationOf(source: CitationSource): Citation {
  const cite = new Cite(cslOf(source));
  return {
    apa: cite.format('bibliography', { template: 'apa', lang: 'en-US', format: 'text' }).trim(),
    bibtex: cite.format('bibtex', { format: 'text' }).trim(),
  };
}

// citation-js compiles the APA style on first use, which blocks for several seconds; in the request
// path that stalls every other request (database connections time out). A worker thread does the
// formatting instead, warmed up at start, so the event loop never waits for it.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { Cite } = require('@citation-js/core');
require('@citation-js/plugin-csl');
require('@citation-js/plugin-bibtex');
const format = (data) => {
  const cite = new Cite(data);
  return { apa: cite.format('bibliography', { template: 'apa', lang: 'en-US', format: 'text' }).trim(), bibtex: cite.format('bibtex', { format: 'text' }).trim() };
};
format({ id: 'warm-up', type: 'report', title: 'Warm-up', author: [{ literal: 'Alliance' }], issued: { 'date-parts': [[2024]] } });
parentPort.on('message', ({ id, data }) => {
  try { parentPort.postMessage({ id, ...format(data) }); } catch (error) { parentPort.postMessage({ id, error: String(error) }); }
});
`;

@Injectable()
export class CitationRenderer implements OnModuleInit, OnModuleDestroy {
  private worker: Worker | null = null;
  private failed = false;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (c: Citation) => void; reject: (e: Error) => void }>();

  onModuleInit(): void {
    this.start();
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  async render(source: CitationSource): Promise<Citation> {
    const worker = this.start();
    if (!worker) return citationOf(source); // no worker threads here: format in this thread
    const id = this.nextId++;
    return new Promise<Citation>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, data: cslOf(source) });
    });
  }

  private start(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.unref();
      worker.on('message', (m: { id: number; apa?: string; bibtex?: string; error?: string }) => {
        const waiting = this.pending.get(m.id);
        if (!waiting) return;
        this.pending.delete(m.id);
        if (m.error) waiting.reject(new Error(m.error));
        else waiting.resolve({ apa: m.apa ?? '', bibtex: m.bibtex ?? '' });
      });
      worker.on('error', (error) => this.fail(worker, error));
      worker.on('exit', () => this.fail(worker, new Error('citation worker stopped')));
      this.worker = worker;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }

  /** A crashed worker fails what it was doing; the next call starts a new one. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
