package org.rehabmap.cli;

import org.rehabmap.config.Settings;
import org.rehabmap.publish.DataDictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(
        name = "dictionary",
        description =
                "Write docs/data-dictionary.md from the data contracts (--check: only say whether it is current).")
public final class DictionaryCommand implements Callable<Integer> {
    @Option(
            names = "--check",
            description = "exit 1 when docs/data-dictionary.md differs from the contracts, without writing it")
    boolean check;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        Settings s = common.settings();
        Path file = s.homeDir().resolve(DataDictionary.FILE);
        String text = DataDictionary.generate(Path.of(s.location("paths.contracts")));
        boolean current = Files.isRegularFile(file)
                && Files.readString(file, StandardCharsets.UTF_8).equals(text);
        if (check) {
            System.out.println(
                    current
                            ? DataDictionary.FILE + " is current"
                            : DataDictionary.FILE + " is stale: run scripts/rehabmap dictionary");
            return current ? Main.OK : Main.FAILED;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        System.out.println((current ? "unchanged: " : "wrote ") + file);
        return Main.OK;
    }
}
