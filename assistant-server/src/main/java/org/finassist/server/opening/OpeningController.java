package org.finassist.server.opening;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.finassist.ocr.check.IdPhotoReport;
import org.finassist.ocr.guide.OpeningSession;
import org.finassist.ocr.guide.OpeningSteps;
import org.finassist.ocr.guide.Problem;
import org.finassist.ocr.guide.StepDefinition;
import org.finassist.ocr.guide.StepState;
import org.finassist.ocr.idcard.CardSide;
import org.finassist.ocr.idcard.IdNumber;
import org.finassist.ocr.intake.IntakeException;
import org.finassist.server.funnel.Arm;
import org.finassist.server.funnel.FunnelRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.finassist.server.security.Callers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/opening/*}: ID-photo checks, the guide's step state, live field validation and questions. */
@RestController
@RequestMapping("/api/opening")
class OpeningController {

    private static final Logger LOG = LoggerFactory.getLogger(OpeningController.class);

    private final IdPhotoService photos;
    private final OpeningSessionStore sessions;
    private final OpeningSteps steps;
    private final ObjectProvider<OpeningQuestions> questions;
    private final IdPhotoRejections rejections;
    private final FunnelTrail funnel;

    OpeningController(IdPhotoService photos, OpeningSessionStore sessions, OpeningSteps steps,
                      ObjectProvider<OpeningQuestions> questions, IdPhotoRejections rejections,
                      ObjectProvider<FunnelRecorder> funnel) {
        this.photos = photos;
        this.funnel = new FunnelTrail(funnel.getIfAvailable(() -> FunnelRecorder.NONE), steps);
        this.rejections = rejections;
        this.sessions = sessions;
        this.steps = steps;
        this.questions = questions;
    }

    /** {@code guidance}: whether the widget shows the guide's hints and guiding digital human (experiment arm). */
    record SessionView(String sessionId, String currentStep, List<StepState> steps, boolean guidance) {
        static SessionView of(String id, OpeningSession s, Arm arm) {
            return new SessionView(id, s.currentStep().map(StepDefinition::id).orElse(null), s.states(),
                    arm.guidance());
        }
    }

    record StepSubmission(String step, Map<String, String> fields) {
    }

    record FieldCheck(String step, String field, String value) {
    }

    record Question(String question) {
    }

    record Answer(String step, String answer) {
    }

    @GetMapping("/steps")
    List<StepDefinitionView> steps() {
        return steps.steps().stream().map(StepDefinitionView::of).toList();
    }

    /** {@code channel} (or {@code utm_source}) names where the prospect came from, for the funnel screen. */
    @PostMapping("/sessions")
    ResponseEntity<SessionView> create(@RequestParam(name = "channel", required = false) String channel,
                                       @RequestParam(name = "utm_source", required = false) String utmSource) {
        String id = UUID.randomUUID().toString();
        OpeningSession s = sessions.create(id, Callers.currentSubject());
        Arm arm = funnel.recorder().start(id, channel != null ? channel : utmSource);
        funnel.started(id);
        return ResponseEntity.status(HttpStatus.CREATED).body(SessionView.of(id, s, arm));
    }

    @GetMapping("/sessions/{id}")
    SessionView get(@PathVariable String id) {
        return SessionView.of(id, session(id), funnel.recorder().arm(id));
    }

    @PostMapping("/sessions/{id}")
    StepState submit(@PathVariable String id, @RequestBody StepSubmission body) {
        OpeningSession s = session(id);
        int before = funnel.position(s);
        StepState state = s.submit(body.step(), body.fields() == null ? Map.of() : body.fields());
        sessions.save(id, s);
        funnel.submitted(id, state);
        funnel.moved(id, before, funnel.position(s));
        return state;
    }

    @PostMapping("/sessions/{id}/validate")
    List<Problem> validate(@PathVariable String id, @RequestBody FieldCheck body) {
        return session(id).validateField(body.step(), body.field(), body.value());
    }

    @PostMapping("/sessions/{id}/ask")
    Answer ask(@PathVariable String id, @RequestBody Question body) {
        StepDefinition step = session(id).currentStep().orElse(null);
        OpeningQuestions q = questions.getIfAvailable(() -> OpeningController::guideOnly);
        return new Answer(step == null ? null : step.id(), q.answer(body.question(), step));
    }

    private static String guideOnly(String question, StepDefinition step) {
        return step == null ? "您已完成全部开户步骤，审核结果将以短信通知。"
                : "当前步骤：" + step.title() + "。" + step.hint();
    }

    @PostMapping(path = "/id-photo", consumes = "multipart/form-data")
    IdPhotoResponse idPhoto(@RequestParam("file") MultipartFile file,
                            @RequestParam(name = "side", defaultValue = "front") String side,
                            @RequestParam(name = "sessionId", required = false) String sessionId)
            throws IOException, IntakeException, IdPhotoService.Busy {
        CardSide expected = side(side);
        Optional<OpeningSession> session = Optional.ofNullable(sessionId).map(this::session);
        Optional<LocalDate> birth = session.flatMap(OpeningSession::idNumber).flatMap(IdNumber::parse)
                .flatMap(IdNumber::birthDate);
        long start = System.nanoTime();
        IdPhotoReport report = photos.check(file.getBytes(), expected, birth);
        rejections.record(report);
        LOG.info("id-photo side={} accepted={} agreement={} findings={} in {} ms", report.side(), report.accepted(),
                report.agreement(), report.findings().stream().map(f -> f.code()).toList(),
                (System.nanoTime() - start) / 1_000_000);
        session.ifPresent(s -> record(sessionId, s, report, expected));
        return IdPhotoResponse.of(report, session.isEmpty());
    }

    private void record(String id, OpeningSession s, IdPhotoReport report, CardSide expected) {
        funnel.photoChecked(id, report, report.side() == expected);
        if (!report.accepted() || report.side() != expected) {
            return;
        }
        int before = funnel.position(s);
        if (report.side() == CardSide.FRONT) {
            s.recordIdCardFront(report.front().name(), report.front().idNumber());
        } else {
            s.recordIdCardBack();
        }
        sessions.save(id, s);
        funnel.moved(id, before, funnel.position(s));
    }

    private static CardSide side(String side) {
        return switch (side.toLowerCase()) {
            case "front" -> CardSide.FRONT;
            case "back" -> CardSide.BACK;
            default -> throw new BadRequest("BAD_SIDE", "side 只能是 front（人像面）或 back（国徽面）。");
        };
    }

    private OpeningSession session(String id) {
        return sessions.load(id, Callers.currentSubject()).orElseThrow(SessionNotFound::new);
    }

    static final class SessionNotFound extends RuntimeException {
    }

    static final class BadRequest extends RuntimeException {
        final String code;

        BadRequest(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    @ExceptionHandler(IntakeException.class)
    ResponseEntity<ProblemDetail> intake(IntakeException e) {
        LOG.info("id-photo refused: {}", e.getMessage());
        rejections.record(e);
        HttpStatus status = switch (e.error()) {
            case TOO_LARGE, TOO_MANY_PIXELS -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case EMPTY, TOO_SMALL, CORRUPT -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return OpeningError.response(status, e.error().name(), e.getMessage(), e.error().message());
    }

    @ExceptionHandler(IdPhotoService.Busy.class)
    ResponseEntity<ProblemDetail> busy() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                .body(OpeningError.of(HttpStatus.SERVICE_UNAVAILABLE, "BUSY", "All ID-photo check permits are in use",
                        "当前识别人数较多，请稍后几秒再试。"));
    }

    @ExceptionHandler(SessionNotFound.class)
    ResponseEntity<ProblemDetail> notFound() {
        return OpeningError.response(HttpStatus.NOT_FOUND, "SESSION_NOT_FOUND", "No such opening session",
                "开户会话不存在或已过期，请重新开始。");
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequest e) {
        return OpeningError.response(HttpStatus.BAD_REQUEST, e.code, e.getMessage(), e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> unknownStep(IllegalArgumentException e) {
        return OpeningError.response(HttpStatus.BAD_REQUEST, "UNKNOWN_STEP_OR_FIELD", String.valueOf(e.getMessage()),
                "步骤或字段不存在。");
    }

}
