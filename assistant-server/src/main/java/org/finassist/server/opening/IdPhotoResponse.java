package org.finassist.server.opening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finassist.ocr.check.EngineReading;
import org.finassist.ocr.check.IdPhotoReport;
import org.finassist.ocr.idcard.Finding;
import org.finassist.ocr.idcard.IdCardBack;
import org.finassist.ocr.idcard.IdCardFront;
import org.finassist.ocr.privacy.Masking;
import org.finassist.ocr.quality.QualityResult;

/**
 * Wire shape of {@code POST /api/opening/id-photo}. Personal fields are in clear only for the session that
 * uploaded the photo ({@code masked=false}); anonymous checks get them masked.
 */
record IdPhotoResponse(boolean accepted, String side, boolean masked, List<Quality> quality,
                       Map<String, String> fields, String agreement, List<Engine> engines, List<Finding> findings,
                       List<String> guidance) {

    record Quality(String check, String status, Double value, Double threshold, String guidance) {
    }

    record Engine(String engine, String idNumber, String name, long millis) {
    }

    static IdPhotoResponse of(IdPhotoReport r, boolean masked) {
        List<Quality> quality = r.quality().stream().map(IdPhotoResponse::quality).toList();
        List<Engine> engines = r.readings().stream().map(e -> engine(e, masked)).toList();
        return new IdPhotoResponse(r.accepted(), r.side().name(), masked, quality, fields(r, masked),
                r.agreement().name(), engines, r.findings(), r.guidance());
    }

    private static Quality quality(QualityResult q) {
        boolean measured = q.status() != QualityResult.Status.SKIPPED;
        return new Quality(q.check(), q.status().name(), measured ? round(q.value()) : null,
                measured ? q.threshold() : null, q.guidance().isEmpty() ? null : q.guidance());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static Engine engine(EngineReading e, boolean masked) {
        IdCardFront f = e.front();
        String id = f == null ? null : f.idNumber();
        String name = f == null ? null : f.name();
        return new Engine(e.engine(), masked ? Masking.idNumber(id) : id, masked ? Masking.name(name) : name,
                e.millis());
    }

    private static Map<String, String> fields(IdPhotoReport r, boolean masked) {
        Map<String, String> out = new LinkedHashMap<>();
        IdCardFront f = r.front();
        if (f != null) {
            out.put("name", masked ? Masking.name(f.name()) : f.name());
            out.put("gender", f.gender() == null ? null : f.gender().printed());
            out.put("ethnicity", f.ethnicity());
            out.put("birthDate", masked || f.birthDate() == null ? null : f.birthDate().toString());
            out.put("address", masked ? null : f.address());
            out.put("idNumber", masked ? Masking.idNumber(f.idNumber()) : f.idNumber());
        }
        IdCardBack b = r.back();
        if (b != null) {
            out.put("issuingAuthority", b.issuingAuthority());
            out.put("validity", b.validity() == null ? null : b.validity().printed());
        }
        return out;
    }

}
