package com.stackdesk.backup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/backup}: a backup zip of the H2 database, for admins (HTTP Basic or a
 * personal API token), taken while the app runs. See README "Backups".
 */
@RestController
@Tag(name = "Backup")
class BackupApiController {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

    private final DatabaseBackups backups;

    BackupApiController(DatabaseBackups backups) {
        this.backups = backups;
    }

    @Operation(
            summary = "Download a backup of the H2 database",
            description =
                    "Admins only. 409 when the app runs on PostgreSQL (use pg_dump there) or an in-memory database.")
    @GetMapping(path = "/api/admin/backup", produces = "application/zip")
    void backup(HttpServletResponse response) throws IOException {
        var zip = backups.backUpToTemporaryFile();
        try {
            response.setContentType("application/zip");
            response.setContentLengthLong(Files.size(zip));
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename("stackdesk-backup-"
                                    + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + ".zip")
                            .build()
                            .toString());
            Files.copy(zip, response.getOutputStream());
        } finally {
            Files.deleteIfExists(zip);
            Files.deleteIfExists(zip.getParent());
        }
    }

    @ExceptionHandler(DatabaseBackups.NotAnH2File.class)
    ResponseEntity<Map<String, String>> notAnH2File(DatabaseBackups.NotAnH2File e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("message", e.getMessage()));
    }
}
