import {
  ballotProblem,
  checkInCodeMatches,
  checkInOpen,
  csvCell,
  csvDocument,
  meetsAttendanceThreshold,
  seatsLeft,
  tallyPoll,
  validateAnswers,
  type QuestionRule,
} from './registration-rules';

describe('registration rules (pure)', () => {
  const questions: QuestionRule[] = [
    { id: 'q-role', type: 'TEXT', options: [], required: true, position: 0 },
    { id: 'q-lang', type: 'CHOICE', options: ['Español', 'Português'], required: false, position: 1 },
    { id: 'q-consent', type: 'CONSENT', options: [], required: true, position: 2 },
  ];

  it('validates answers: required, choices, consent, unknown and repeated questions', () => {
    const ok = validateAnswers(questions, [
      { questionId: 'q-consent', value: 'TRUE' },
      { questionId: 'q-role', value: '  Directora  ' },
    ]);
    expect(ok.errors).toEqual([]);
    expect(ok.answers).toEqual([
      { questionId: 'q-role', value: 'Directora' },
      { questionId: 'q-consent', value: 'true' },
    ]);

    const bad = validateAnswers(questions, [
      { questionId: 'q-lang', value: 'Klingon' },
      { questionId: 'q-consent', value: 'false' },
      { questionId: 'q-unknown', value: 'x' },
      { questionId: 'q-lang', value: 'Español' },
    ]);
    expect(bad.errors).toEqual(
      expect.arrayContaining([
        { field: 'answers.2', key: 'workshopRegistration:answersInvalid' },
        { field: 'answers.3', key: 'workshopRegistration:answersInvalid' },
        { field: 'answers.q-role', key: 'workshopRegistration:answerRequired' },
        { field: 'answers.q-lang', key: 'workshopRegistration:answerChoiceInvalid' },
        { field: 'answers.q-consent', key: 'workshopRegistration:consentRequired' },
      ]),
    );
    expect(validateAnswers(questions, [{ questionId: 'q-role', value: 'x'.repeat(2001) }, { questionId: 'q-consent', value: 'true' }]).errors).toEqual([
      { field: 'answers.q-role', key: 'workshopRegistration:answerTooLong' },
    ]);
    expect(validateAnswers([], []).errors).toEqual([]);
  });

  it('opens check-in 15 minutes before the start and closes at the end', () => {
    const session = { startsAt: new Date('2026-03-10T14:00:00Z'), endsAt: new Date('2026-03-10T16:00:00Z') };
    expect(checkInOpen(session, new Date('2026-03-10T13:44:59Z'))).toBe(false);
    expect(checkInOpen(session, new Date('2026-03-10T13:45:00Z'))).toBe(true);
    expect(checkInOpen(session, new Date('2026-03-10T15:00:00Z'))).toBe(true);
    expect(checkInOpen(session, new Date('2026-03-10T16:00:00Z'))).toBe(true);
    expect(checkInOpen(session, new Date('2026-03-10T16:00:01Z'))).toBe(false);
  });

  it('compares check-in codes without regard to case, spaces or dashes', () => {
    expect(checkInCodeMatches('K7P2QX', 'k7p-2qx')).toBe(true);
    expect(checkInCodeMatches('K7P2QX', ' K7P2QX ')).toBe(true);
    expect(checkInCodeMatches('K7P2QX', 'K7P2QY')).toBe(false);
    expect(checkInCodeMatches('K7P2QX', 'K7P2Q')).toBe(false);
    expect(checkInCodeMatches(null, '')).toBe(false);
  });

  it('applies the attendance threshold as a share of sessions', () => {
    expect(meetsAttendanceThreshold(2, 2, 100)).toBe(true);
    expect(meetsAttendanceThreshold(1, 2, 100)).toBe(false);
    expect(meetsAttendanceThreshold(1, 2, 50)).toBe(true);
    expect(meetsAttendanceThreshold(2, 3, 67)).toBe(false);
    expect(meetsAttendanceThreshold(2, 3, 66)).toBe(true);
    expect(meetsAttendanceThreshold(0, 0, 1)).toBe(false);
  });

  it('checks ballots: RANK needs every action once, VOTE 1..maxVotes distinct', () => {
    const actions = ['a', 'b', 'c'];
    expect(ballotProblem('RANK', actions, null, ['c', 'a', 'b'])).toBeNull();
    expect(ballotProblem('RANK', actions, null, ['c', 'a'])?.key).toBe('workshopRegistration:ballotRankAll');
    expect(ballotProblem('RANK', actions, null, ['c', 'a', 'a'])?.key).toBe('workshopRegistration:ballotRankAll');
    expect(ballotProblem('RANK', actions, null, ['c', 'a', 'z'])?.key).toBe('workshopRegistration:ballotUnknownAction');
    expect(ballotProblem('VOTE', actions, 2, ['b'])).toBeNull();
    expect(ballotProblem('VOTE', actions, 2, ['b', 'c'])).toBeNull();
    expect(ballotProblem('VOTE', actions, 2, ['a', 'b', 'c'])).toEqual({ key: 'workshopRegistration:ballotVoteCount', params: { max: 2 } });
    expect(ballotProblem('VOTE', actions, 2, [])).toEqual({ key: 'workshopRegistration:ballotVoteCount', params: { max: 2 } });
    expect(ballotProblem('VOTE', actions, null, ['a', 'b', 'c'])).toBeNull();
  });

  it('aggregates RANK ballots by Borda count (known example)', () => {
    // Four actions, five voters. Borda: 3 points for first, 2, 1, 0 for last.
    const actions = ['A', 'B', 'C', 'D'];
    const ballots = [
      ['A', 'B', 'C', 'D'], // A3 B2 C1 D0
      ['A', 'C', 'B', 'D'], // A3 C2 B1 D0
      ['B', 'C', 'A', 'D'], // B3 C2 A1 D0
      ['C', 'B', 'D', 'A'], // C3 B2 D1 A0
      ['B', 'A', 'C', 'D'], // B3 A2 C1 D0
    ];
    // A = 3+3+1+0+2 = 9, B = 2+1+3+2+3 = 11, C = 1+2+2+3+1 = 9, D = 1
    expect(tallyPoll('RANK', actions, ballots)).toEqual([
      { actionId: 'B', points: 11, ballots: 5, rank: 1 },
      { actionId: 'A', points: 9, ballots: 5, rank: 2 },
      { actionId: 'C', points: 9, ballots: 5, rank: 2 },
      { actionId: 'D', points: 1, ballots: 5, rank: 4 },
    ]);
  });

  it('aggregates VOTE ballots one point per choice, ignoring unknown and repeated ids', () => {
    expect(tallyPoll('VOTE', ['x', 'y', 'z'], [['x', 'y'], ['y'], ['y', 'y', 'gone']])).toEqual([
      { actionId: 'y', points: 3, ballots: 3, rank: 1 },
      { actionId: 'x', points: 1, ballots: 1, rank: 2 },
      { actionId: 'z', points: 0, ballots: 0, rank: 3 },
    ]);
    expect(tallyPoll('RANK', ['x', 'y'], [])).toEqual([
      { actionId: 'x', points: 0, ballots: 0, rank: 1 },
      { actionId: 'y', points: 0, ballots: 0, rank: 1 },
    ]);
  });

  it('counts seats left (null without capacity)', () => {
    expect(seatsLeft(null, 4)).toBeNull();
    expect(seatsLeft(10, 4)).toBe(6);
    expect(seatsLeft(2, 2)).toBe(0);
  });

  it('writes formula-safe CSV with BOM and CRLF', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe(`'-1`);
    expect(csvCell('São Paulo; Brasil')).toBe('"São Paulo; Brasil"');
    const doc = csvDocument(['Nombre', 'País'], [['José Núñez', 'Perú']]).toString('utf8');
    expect(doc).toBe('\uFEFFNombre,País\r\nJosé Núñez,Perú\r\n');
  });
});
