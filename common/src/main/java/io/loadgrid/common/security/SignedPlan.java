package io.loadgrid.common.security;

import io.loadgrid.common.codec.Json;
import io.loadgrid.common.plan.ClusterPlan;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A plan as it travels to agents: its exact JSON text and an HMAC-SHA256 over its run id, the instant it was issued
 * and that text, keyed with the cluster's shared secret. Agents decode a plan only after its signature verifies, so a
 * member without the secret cannot make them send load anywhere; the run id and the instant, signed with it, keep a
 * member that saw a plan from making them send it again.
 *
 * @param runId    unique per run: a plan published under another run id is refused
 * @param issuedMs when the coordinator signed it, in cluster time: a plan older than {@link #VALID_MS} is refused
 * @param planJson the plan exactly as signed
 */
public record SignedPlan(String runId, long issuedMs, String planJson, String signature) {
    /**
     * How long a signed plan may be taken after it was issued. Agents take a plan the moment it is published, so this
     * only needs to cover cluster-time skew and a busy host; a plan put back under its own run id within it is told
     * from the first by the agent's memory of the runs it took.
     */
    public static final long VALID_MS = 30_000;

    private static final String ALGORITHM = "HmacSHA256";

    public static SignedPlan sign(String runId, long issuedMs, ClusterPlan plan, byte[] secret) {
        String json = Json.write(plan);
        return new SignedPlan(
                runId, issuedMs, json, Base64.getEncoder().encodeToString(mac(secret, runId, issuedMs, json)));
    }

    /** The plan, if and only if its signature verifies under {@code secret}. */
    public ClusterPlan verify(byte[] secret) {
        if (signature == null || signature.isEmpty() || runId == null || planJson == null) {
            throw new PlanRefused("the plan is not signed");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new PlanRefused("the plan's signature is not base64");
        }
        if (!MessageDigest.isEqual(mac(secret, runId, issuedMs, planJson), given)) {
            throw new PlanRefused("the plan's signature does not verify: the coordinator uses another secret, or the"
                    + " plan was changed after it was signed");
        }
        return Json.read(planJson, ClusterPlan.class);
    }

    /** Refuses a verified plan published under another run id than it was signed for: a replay. */
    public void checkPublishedAs(String publishedAs) {
        if (!runId.equals(publishedAs)) {
            throw new PlanRefused(
                    "the plan was signed for run " + runId + " but published as " + publishedAs + ": a replay");
        }
    }

    /** Refuses a verified plan issued more than {@link #VALID_MS} from {@code nowMs} (cluster time). */
    public void checkFresh(long nowMs) {
        if (Math.abs(nowMs - issuedMs) > VALID_MS) {
            throw new PlanRefused("the plan was issued " + (nowMs - issuedMs) / 1000 + " s ago, more than "
                    + VALID_MS / 1000 + " s: a replay, or the hosts' clocks disagree");
        }
    }

    private static byte[] mac(byte[] secret, String runId, long issuedMs, String json) {
        if (secret.length == 0) {
            throw new PlanRefused("no shared secret configured");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update(runId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(0, issuedMs));
            return mac.doFinal(json.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
