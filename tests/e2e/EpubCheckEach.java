// EPUBCheck over several books in one Java process, for the end-to-end tests (global-setup.ts):
// most of a run is the JVM and EPUBCheck's schemas warming up, so one process for the three books
// takes about 8 core-seconds where three took 20. Each book's report stands between a line naming
// it and a line giving its status: 0 when EPUBCheck found nothing, not even a warning (and the
// book was there). The process exits 1 when any book's status is not 0. Run as a source file:
// java -cp /usr/share/java/epubcheck.jar tests/e2e/EpubCheckEach.java BOOK...
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubCheckEach {
  public static void main(String[] books) {
    int failed = 0;
    for (String book : books) {
      System.out.println("EPUBCheck of " + book);
      int status = new EpubChecker().run(new String[] {book, "--failonwarnings"});
      System.out.println("EPUBCheck status of " + book + ": " + status);
      if (status != 0) failed++;
    }
    System.exit(failed == 0 ? 0 : 1);
  }
}
