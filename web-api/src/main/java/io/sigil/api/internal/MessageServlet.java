package io.sigil.api.internal;

import io.sigil.api.problem.Bodies;
import io.sigil.api.problem.ProblemMapper;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.transport.Envelope;
import io.sigil.transport.Transport;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Takes one signed envelope; {@link Transport#receive} decides whether it is authentic before anything happens.
 * Answers 204, or problem+json from {@link ProblemMapper} like every other endpoint.
 *
 * <p>A plain servlet rather than a JAX-RS resource because this is the node's hot path: a threshold signature
 * brings each node four envelopes, and JAX-RS's per-request machinery (routing, providers, request-scoped
 * injection, validation and tracing listeners) cost more CPU than checking the envelope itself (JFR under the
 * {@code SigningLoad} benchmark). The exact mapping takes precedence over the JAX-RS application's {@code /*}.
 */
@WebServlet(urlPatterns = MessageServlet.PATH)
public class MessageServlet extends HttpServlet {
    static final String PATH = "/internal/v1/messages";
    /** Protocol messages are small; anything larger is refused before it is parsed. */
    static final int MAX_BODY = 4 * 1024 * 1024;
    private static final long serialVersionUID = 1L;

    @Inject
    transient Transport transport;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String type = request.getContentType();
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                throw new SigilException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "the request body has an unsupported media type");
            }
            transport.receive(Bodies.readJson(request.getInputStream(), MAX_BODY, Envelope.class));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (RuntimeException e) {
            problem(response, e);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("POST".equals(request.getMethod())) {
            doPost(request, response);
        } else {
            problem(response, new SigilException(ProblemType.METHOD_NOT_ALLOWED,
                    "this resource does not support that method"));
        }
    }

    private static void problem(HttpServletResponse response, RuntimeException e) throws IOException {
        ProblemMapper.Answer answer = ProblemMapper.answer(e, PATH);
        response.setStatus(answer.status());
        response.setContentType(ProblemMapper.PROBLEM_JSON);
        byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
