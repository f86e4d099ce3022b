package io.smsflows.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark corpus: seed 004 examples, long GSM, emoji-heavy, mixed accented/Cyrillic, short. */
public final class Corpus {

    private Corpus() {
    }

    public static Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String[] e : seedExamples()) {
            texts.put(e[0], e[1]);
        }
        texts.put("long-gsm-600", ("Your order #4711 [express] ships today; total €59.90 {incl. VAT}. "
                + "Track it at https://t.example/x?id=4711 or reply HELP. ").repeat(5));
        texts.put("emoji-heavy", "🎉 Black Friday 👍🏽 -30% on everything 👨‍👩‍👧‍👦 family packs 🇫🇷🇩🇪 "
                + "delivery included 🚚💨 until midnight ⏰ don't miss it 😍🔥 shop now 👉 https://s.example/bf 🎁🎁🎁");
        texts.put("mixed-accents-cyrillic", "Rendez-vous confirmé à 10h30 chez Dr Müller, ñandú, ça va, şimdi; "
                + "Привет! Ваш заказ готов к выдаче. Ελληνικά: Γειά σου. Merci 🙏");
        texts.put("short-40", "Your code is 482913. Valid for 10 min.");
        return texts;
    }

    private static List<String[]> seedExamples() {
        List<String[]> result = new ArrayList<>();
        try (InputStream in = Corpus.class.getResourceAsStream("/seed-004-examples.txt")) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String block : all.split("=== ")) {
                if (block.startsWith("#") || block.isBlank()) {
                    continue;
                }
                int nl = block.indexOf('\n');
                result.add(new String[] {"seed-" + block.substring(0, nl).split("\\|")[0].trim(),
                        block.substring(nl + 1).stripTrailing()});
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }
}
