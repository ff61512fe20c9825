// EPUBCheck over several books in one Java process, for the end-to-end tests (global-setup.ts):
// most of a run is the JVM and EPUBCheck's schemas warming up, so one process for the three books
// takes about 8 core-seconds where three took 20. Each book's report follows a line naming it; the
// exit status is 1 when any book has a message. Run as a source file:
// java -cp /usr/share/java/epubcheck.jar tests/e2e/EpubCheckEach.java BOOK...
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubCheckEach {
  public static void main(String[] books) {
    int failed = 0;
    for (String book : books) {
      System.out.println("EPUBCheck of " + book);
      System.out.flush();
      if (new EpubChecker().run(new String[] {book}) != 0) failed++;
    }
    System.exit(failed == 0 ? 0 : 1);
  }
}
