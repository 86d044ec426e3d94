import type { Course } from '../entities';
import type { CoursesService } from '../courses.service';
import type { StructureService } from '../structure.service';
import type { LearningActor } from '../util';

// Courses made through the authoring services, for the specs that need real ones. Test-only.

/** A localised text as the authoring inputs take it. */
export type LocalisedInput = Array<{ locale: string; value: string }>;

/** What an organiser sends to create a self-paced course with open enrolment, in Spanish; `overrides` replace fields. */
export function courseInput(title: LocalisedInput, summary: string, overrides: Record<string, unknown> = {}) {
  return {
    title,
    summary: [{ locale: 'es', value: summary }],
    level: 'INTRODUCTORY',
    format: 'SELF_PACED',
    estimatedHours: 4,
    languages: ['es'],
    focusAreaIds: [],
    enrolmentPolicy: 'OPEN',
    certificateIssuer: 'Alianza Regional',
    certificateSignatories: [{ name: 'Ana Gómez', title: 'Coordinadora', organisation: 'Secretaría' }],
    ...overrides,
  };
}

/** Gives a course the least it needs (one module with one text lesson) and publishes it. */
export async function publishCourse(services: { courses: CoursesService; structure: StructureService }, organiser: LearningActor, courseId: string): Promise<Course> {
  const module = await services.structure.addModule(organiser, courseId, [{ locale: 'es', value: 'Módulo' }]);
  await services.structure.addLesson(organiser, module.id, { type: 'TEXT', title: [{ locale: 'es', value: 'Lección' }] });
  return services.courses.publish(organiser, courseId);
}
