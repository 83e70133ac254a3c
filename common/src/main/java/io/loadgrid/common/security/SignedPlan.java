package io.loadgrid.common.security;

import io.loadgrid.common.codec.Json;
import io.loadgrid.common.plan.ClusterPlan;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A plan as it travels to agents: its exact JSON text and an HMAC-SHA256 over that text, keyed with the cluster's
 * shared secret. Agents decode a plan only after its signature verifies, so a member without the secret cannot
 * make them send load anywhere.
 *
 * @param runId    unique per run; signed with the plan so a signature cannot be replayed onto another run
 * @param planJson the plan exactly as signed
 */
public record SignedPlan(String runId, String planJson, String signature) {
    private static final String ALGORITHM = "HmacSHA256";

    public static SignedPlan sign(String runId, ClusterPlan plan, byte[] secret) {
        String json = Json.write(plan);
        return new SignedPlan(runId, json, Base64.getEncoder().encodeToString(mac(secret, runId, json)));
    }

    /** The plan, if and only if the signature verifies under {@code secret}. */
    public ClusterPlan verify(byte[] secret) {
        byte[] expected = mac(secret, runId, planJson);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new PlanRefused("the plan's signature is not base64");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new PlanRefused("the plan's signature does not verify: the coordinator uses another secret");
        }
        return Json.read(planJson, ClusterPlan.class);
    }

    private static byte[] mac(byte[] secret, String runId, String json) {
        if (secret.length == 0) {
            throw new PlanRefused("no shared secret configured");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update(runId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(json.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
