package com.lakesail.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.lakesail.cli.CliException;
import com.lakesail.cli.ExitCode;
import com.lakesail.sdk.ModelJson;
import com.lakesail.sdk.jobs.JobDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A job as a file, in the API's shape: {@code {"name", "description", "teamId", "definition": {...}}}.
 * {@code lakesail jobs create -f job.json} creates the job from it; after editing the definition,
 * {@code lakesail jobs versions create JOB_ID -f job.json} makes it the next draft. Read strictly:
 * an unknown field is named, not dropped.
 */
record JobFile(String name, String description, String teamId, JobDefinition definition) {

    static JobFile read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCode.INVALID, "no such file: " + path);
        } catch (IOException e) {
            throw new CliException(ExitCode.INVALID, "cannot read " + path + ": " + e.getMessage(), e);
        }
        JobFile file;
        try {
            file = ModelJson.strictReader(JobFile.class).readValue(bytes);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new CliException(ExitCode.INVALID, path + ": " + (field.isEmpty() ? "" : "field " + field + ": ")
                    + e.getOriginalMessage().lines().findFirst().orElse("invalid"));
        } catch (JsonProcessingException e) {
            throw new CliException(ExitCode.INVALID, path + " is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new CliException(ExitCode.INVALID, "cannot read " + path + ": " + e.getMessage(), e);
        }
        if (file == null || file.definition() == null) {
            throw new CliException(ExitCode.INVALID, path + ": field definition is missing");
        }
        return file;
    }
}
