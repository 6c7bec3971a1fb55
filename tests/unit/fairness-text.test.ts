import { describe, expect, it } from 'vitest';
import {
  alphaBand,
  concordanceBand,
  iccBand,
  interpretAlpha,
  interpretIcc,
  interpretInterval,
  interpretKendallW,
  interpretLeniency,
  interpretSpread,
  interpretStability,
  interpretUnchanged,
  leniencyBand,
  stabilityBand,
} from '../../shared/domain/fairness/interpretation.ts';
import { FAIRNESS_TEXT, render, renderInterpretation } from '../../shared/messages/fairness.ts';

describe('interpretation bands', () => {
  it('ICC by Koo & Li (2016)', () => {
    expect([0.49, 0.5, 0.74, 0.75, 0.82, 0.9, 0.91].map(iccBand)).toEqual([
      'poor',
      'moderate',
      'moderate',
      'good',
      'good',
      'good',
      'excellent',
    ]);
  });

  it("Krippendorff's α by Krippendorff's 0.667 / 0.800 rule", () => {
    expect([0.5, 0.666, 0.667, 0.799, 0.8, 1].map(alphaBand)).toEqual([
      'unreliable',
      'unreliable',
      'tentative',
      'tentative',
      'reliable',
      'reliable',
    ]);
  });

  it("Kendall's W around Schmidt's (1997) anchors", () => {
    expect([0.05, 0.1, 0.3, 0.5, 0.7, 1].map(concordanceBand)).toEqual([
      'very-weak',
      'weak',
      'moderate',
      'strong',
      'very-strong',
      'very-strong',
    ]);
  });

  it('stability against the near-cut-off band, and leniency against its threshold', () => {
    expect([0.05, 0.5, 0.95].map((p) => stabilityBand(p))).toEqual(['out-of-reach', 'near-cutoff', 'secure']);
    expect([-5.1, -5, 5, 5.1].map((o) => leniencyBand(o))).toEqual([
      'harsh',
      'typical',
      'typical',
      'lenient',
    ]);
  });
});

describe('plain-words sentences', () => {
  it('every code has an Indonesian and an English sentence', () => {
    for (const text of Object.values(FAIRNESS_TEXT)) {
      expect(text.id.length).toBeGreaterThan(0);
      expect(text.en.length).toBeGreaterThan(0);
    }
  });

  it('writes decimals with a comma in Indonesian and a dot in English', () => {
    const icc = interpretIcc({ kind: 'icc', icc21: 0.8234 });
    expect(renderInterpretation(icc, 'id')).toBe('ICC 0,82: penilaian antarjuri konsisten');
    expect(renderInterpretation(icc, 'en')).toBe('ICC 0.82: the jurors’ scores agree well');
    expect(render('icc-excellent', { value: 0.95 }, 'id')).toBe(
      'ICC 0,95: penilaian antarjuri sangat konsisten',
    );
  });

  it('explains a missing statistic instead of showing a number', () => {
    expect(
      renderInterpretation(interpretIcc({ kind: 'unavailable', code: 'incomplete-block' }), 'id'),
    ).toContain('tidak semua juri menilai semua inovasi');
    expect(interpretIcc({ kind: 'icc', icc21: null }).code).toBe('icc-no-variance');
    expect(interpretAlpha({ kind: 'unavailable', code: 'too-few-values' }).code).toBe('alpha-too-few-values');
    expect(interpretKendallW({ kind: 'unavailable', code: 'no-variance' }).code).toBe(
      'kendall-w-no-variance',
    );
  });

  it('says why ICC is withheld below the minimum, and writes its 95 % interval', () => {
    const withheld = interpretIcc({ kind: 'unavailable', code: 'too-few-entries' }, { entries: 6, min: 10 });
    expect(renderInterpretation(withheld, 'id')).toBe(
      'ICC tidak dilaporkan: baru 6 inovasi yang dinilai semua juri (perlu sedikitnya 10); dengan sesedikit itu selang kepercayaannya mencakup hampir seluruh rentang 0–1 (lihat α Krippendorff)',
    );
    const interval = interpretInterval({ low: 0.0188, high: 0.761 });
    expect(interval && renderInterpretation(interval, 'id')).toBe('selang kepercayaan 95%: 0,02 s.d. 0,76');
    expect(interval && renderInterpretation(interval, 'en')).toBe('95% confidence interval: 0.02 to 0.76');
    expect(interpretInterval({ low: null, high: 0.5 })).toBeNull();
  });

  it('shows probabilities as whole percentages and places as whole numbers', () => {
    const text = renderInterpretation(
      interpretStability(
        { id: 'I-1', rank: 9, score: 80, probabilityTop: 0.634, rankLow: 6, rankHigh: 14, nearCutoff: true },
        10,
      ),
      'id',
    );
    expect(text).toBe('Peringkat 9: dekat batas 10 besar (peluang masuk 63%, rentang peringkat 6–14)');
  });

  it('names the juror and the size of the offset', () => {
    const lenient = interpretLeniency({
      juror: 'Bu Sari',
      entries: 12,
      shared: 12,
      leniency: 8.25,
      consistency: 0.7,
    });
    expect(lenient && renderInterpretation(lenient, 'id')).toBe(
      'Juri Bu Sari rata-rata memberi 8,25 poin di atas juri lain untuk inovasi yang sama',
    );
    const harsh = interpretLeniency({
      juror: 'J-2',
      entries: 5,
      shared: 5,
      leniency: -6.5,
      consistency: null,
    });
    expect(harsh && renderInterpretation(harsh, 'en')).toBe(
      'Juror J-2 scores on average 6.50 points below the other jurors for the same innovations',
    );
    expect(
      interpretLeniency({ juror: 'J-3', entries: 1, shared: 0, leniency: null, consistency: null }),
    ).toBeNull();
  });

  it('covers spreads, concordance, α and jurors left as typed', () => {
    const spread = interpretSpread({ id: 'I-1', jurors: 3, spread: 24.5, flagged: true }, 20);
    expect(renderInterpretation(spread, 'id')).toBe(
      'Nilai antarjuri berselisih 24,50 poin (batas 20): perlu ditinjau',
    );
    const w = interpretKendallW({ kind: 'kendall-w', w: 0.54, pValue: 0.04 });
    expect(renderInterpretation(w, 'id')).toBe('W Kendall 0,54: urutan inovasi menurut para juri sejalan');
    expect(renderInterpretation(interpretAlpha({ kind: 'alpha', alpha: 0.849 }), 'id')).toBe(
      'α Krippendorff 0,85: kesepakatan juri dapat diandalkan',
    );
    expect(
      renderInterpretation(interpretUnchanged({ juror: 'J-7', reason: 'too-few-entries', entries: 2 }), 'id'),
    ).toBe(
      'Nilai juri J-7 tidak distandarkan: baru menilai 2 inovasi (perlu sedikitnya 3); nilai mentahnya dipakai',
    );
    expect(
      renderInterpretation(
        interpretUnchanged({ juror: 'J-7', reason: 'too-few-entries', entries: 5, min: 8 }),
        'en',
      ),
    ).toBe(
      'Juror J-7’s totals are not standardized: only 5 innovations scored (at least 8 needed); the raw totals count',
    );
  });
});
