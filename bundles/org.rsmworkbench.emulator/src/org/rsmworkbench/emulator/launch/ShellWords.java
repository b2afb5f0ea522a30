// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Words of a command line as a shell splits and quotes them: for {@code --node N:args=...} and the hosts file. */
final class ShellWords {
    private ShellWords() {
    }

    /**
     * Splits like a shell: words separated by white space; single or double quotes keep white space in a word.
     *
     * @param where what the text is, for the message of an unbalanced quote (an option, or FILE:LINE)
     */
    static List<String> split(String where, String text) throws LaunchArgumentException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false; // also after an empty quoted string, which is a word
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new LaunchArgumentException(where + ": unbalanced " + quote + " in " + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The words as one POSIX shell command line that gives them back unchanged: each in single quotes. */
    static String quote(List<String> words) {
        return words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }
}
